export { facilitiesWeb } from './facilities.module';
export { NearbyPage } from './nearby';
