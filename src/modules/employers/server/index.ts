/** Public API of the employers module. */
export { registerEmployerRoutes } from './employer.routes';
export { employerIndicators } from './employer.indicators';
export { namesByUscc as employerNamesByUscc, insertEmployer, setCoverage, insertEmployersBulk, insertCoveragesBulk } from './employer.repository';
