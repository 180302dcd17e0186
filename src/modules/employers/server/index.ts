/** Public API of the employers module. */
export { employerIndicators, unionisedEmployers } from './employer.indicators';
export { namesByUscc as employerNamesByUscc, firstCoveredUsccs as employerUsccsByUnion, insertEmployer, registeredEmployers, registerPlacesByUscc, setCoverage } from './employer.repository';
export { employersServer } from './employers.module';
