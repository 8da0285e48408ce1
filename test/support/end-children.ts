import { endChildren, testStarted } from './children';

// Jest runs this file before every test file (setupFilesAfterEnv): the children a test starts end with
// the test, also when it fails or times out; those started in beforeAll end with the file.
beforeEach(testStarted);
afterEach(() => endChildren('test'));
afterAll(() => endChildren('file'));
