/** Public API of the employers module. */
export { employerIndicators } from './employer.indicators';
export { namesByUscc as employerNamesByUscc, insertEmployer, setCoverage, insertEmployersBulk, insertCoveragesBulk } from './employer.repository';
export { employersServer } from './employers.module';
