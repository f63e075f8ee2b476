import type { Command } from '../cli/command';
import { downloadCommand } from './download';
import { generateCommand } from './generate';
import { hashCommand } from './hash';
import { pruneCommand } from './prune';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { serveCommand } from './serve';
import { statusCommand } from './status';
import { typesCommand } from './types';
import { verifyCommand } from './verify';

/** Every command, in the order `mimicfix --help` lists them. */
export const COMMANDS: readonly Command[] = [
  generateCommand,
  hashCommand,
  verifyCommand,
  pruneCommand,
  typesCommand,
  pullCommand,
  pushCommand,
  statusCommand,
  downloadCommand,
  serveCommand,
];
