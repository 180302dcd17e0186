/** Runs before every test file (Vitest `setupFiles`), also when a fork keeps its modules between files. */
import { resetFixtureCounters } from './fixtures/people';

resetFixtureCounters();
