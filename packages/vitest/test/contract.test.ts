import { describe, expect, test } from 'vitest';
import { defineAdapterContract } from '../../contract/src/index';
import { vitestDriver } from './vitest-driver';

defineAdapterContract({ test, expect, describe }, vitestDriver);
