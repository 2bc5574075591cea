/**
 * Every contract action, by name. One action per file under actions/<contract>/,
 * each exporting XParameters, XReturnType, XErrorType and `x(client, params)`.
 * Adding an action: write the file, export it from src/index.ts, and list it here
 * so that `createPilClient` binds it as a method (the exports snapshot test shows
 * the change).
 */
import { isPaused } from './orchestrator/isPaused.js';
import { pause } from './orchestrator/pause.js';
import { getTreeSize } from './pc3/getTreeSize.js';
import { sendCreateContainer } from './pc3/sendCreateContainer.js';

export const contractActions = {
  // orchestrator
  isPaused,
  pause,
  // pc3
  getTreeSize,
  sendCreateContainer,
} as const;
