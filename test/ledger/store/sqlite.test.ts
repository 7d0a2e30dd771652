import { backendSuite } from './backend-suite.js';

await backendSuite('sqlite');
