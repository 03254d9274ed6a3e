import path from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { buildTinyModel, writeTinyModel } from '../../src/engines/local/tiny-model.js';
import { engineConfig } from '../helpers/engine-config.js';

describe('tiny model', () => {
  it('is the same bytes for the same seed and differs for another', () => {
    const image = buildTinyModel({ seed: 3 });
    expect(buildTinyModel({ seed: 3 }).equals(image)).toBe(true);
    expect(buildTinyModel({ seed: 4 }).equals(image)).toBe(false);
    expect(image.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('is a GGUF v3 llama model with ChatML and FIM tokens', async () => {
    const file = path.join(engineConfig().dataDir, 'models', 'tiny.gguf');
    await writeTinyModel(file);
    const info = await readGgufFileInfo(file, { logWarnings: false });
    const tokenizer = info.metadata.tokenizer.ggml;
    const tokens = tokenizer.tokens as string[];

    expect(info.version).toBe(3);
    expect(info.metadata.general.architecture).toBe('llama');
    expect(info.metadata.tokenizer.chat_template).toContain('<|im_start|>');
    expect(tokens[tokenizer.fim_pre_token_id as number]).toBe('<|fim_prefix|>');
    expect(tokens[tokenizer.fim_suf_token_id as number]).toBe('<|fim_suffix|>');
    expect(tokens[tokenizer.fim_mid_token_id as number]).toBe('<|fim_middle|>');
    expect(tokens[tokenizer.eot_token_id as number]).toBe('<|im_end|>');
    expect(tokens).toContain('<0xFF>');
  });
});
