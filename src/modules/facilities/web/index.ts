export { facilitiesWeb, NearbyPage } from './facilities.module';
