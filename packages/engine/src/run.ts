import type { DescriptorScan, GenerateOptions, GenerateResult } from './api';
import { MimicfixError } from './errors/mimicfix-error';

// PLACEHOLDER: replaced by the real engine.
export async function generate(
  descriptorPath: string,
  _options: GenerateOptions = {},
): Promise<GenerateResult> {
  throw new MimicfixError('MIMICFIX_INTERNAL', `engine not built yet (${descriptorPath})`);
}

export function scanDescriptor(descriptorPath: string): DescriptorScan {
  throw new MimicfixError('MIMICFIX_INTERNAL', `engine not built yet (${descriptorPath})`);
}
