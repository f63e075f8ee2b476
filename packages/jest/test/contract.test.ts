import { defineAdapterContract } from '@mimicfix/adapter-contract';
import { describe, expect, test } from 'vitest';
import { jestDriver } from './jest-driver';

defineAdapterContract({ test, expect, describe }, jestDriver);
