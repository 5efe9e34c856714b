import { allowConsoleWarn } from '@lms/db/testing';

/**
 * `createRemixStub` renders React Router's RouterProvider without future flags and offers no way
 * to pass them, so React Router prints its v7 "Future Flag Warning" notices on the first render
 * in a file. Tests that render a stub allow those notices, and only those (call in beforeEach).
 */
export function allowRouterFutureFlagNotices(): void {
  allowConsoleWarn(/React Router Future Flag Warning/);
}
