import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeGguf, type GgufTensor, type GgufValue } from './gguf-writer.js';

/**
 * A tiny llama-architecture model with random weights. It produces noise,
 * but it loads in milliseconds and exercises the whole engine: tokenizer,
 * ChatML chat template, FIM infill and grammars. Tests and first-time users
 * (`npm run tiny-model`) use it instead of downloading a real model.
 */

/** The transformer's dimensions; heads divide the embedding width. */
export interface ModelShape {
  embedding: number;
  blocks: number;
  heads: number;
  kvHeads: number;
  feedForward: number;
}

export interface TinyModelOptions {
  /** Seed of the weights; the same seed always writes the same bytes. */
  seed?: number;
  contextLength?: number;
  /** Wider or deeper than the default makes a slower model, for benchmarks. */
  shape?: Partial<ModelShape>;
}

const TINY_SHAPE: ModelShape = {
  embedding: 128,
  blocks: 2,
  heads: 4,
  kvHeads: 2,
  feedForward: 256,
};

const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

const CONTROL_TOKENS = [
  '<|im_start|>',
  '<|im_end|>',
  '<|fim_prefix|>',
  '<|fim_suffix|>',
  '<|fim_middle|>',
] as const;

// Frequent words of English and code, so ordinary text takes fewer tokens
// than one per character.
const WORDS = [
  'the',
  'and',
  'for',
  'return',
  'function',
  'const',
  'let',
  'import',
  'export',
  'from',
  'def',
  'class',
  'self',
  'print',
  'true',
  'false',
  'null',
  'this',
  'that',
  'with',
  'is',
  'in',
  'of',
  'to',
  'a',
  'if',
  'else',
  'while',
  'new',
  'string',
  'number',
  'hello',
  'world',
  'name',
  'value',
  'type',
  'async',
  'await',
  'public',
  'static',
];

const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + " +
  "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

interface Vocab {
  tokens: string[];
  scores: number[];
  types: number[];
}

function buildVocab(): Vocab {
  const vocab: Vocab = { tokens: [], scores: [], types: [] };
  const add = (token: string, type: number, score = 0) => {
    vocab.tokens.push(token);
    vocab.types.push(type);
    vocab.scores.push(score);
  };
  add('<unk>', TOKEN_TYPE.unknown);
  add('<s>', TOKEN_TYPE.control);
  add('</s>', TOKEN_TYPE.control);
  for (let b = 0; b < 256; b++) {
    add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, TOKEN_TYPE.byte);
  }
  for (const token of CONTROL_TOKENS) add(token, TOKEN_TYPE.control);

  // SentencePiece merges pairs only into pieces that exist, so every prefix
  // of a longer piece must be a piece too; longer pieces score higher.
  const pieces = new Set<string>(['▁']);
  for (let c = 33; c < 127; c++) pieces.add(String.fromCharCode(c));
  for (const word of WORDS) {
    const spaced = `▁${word}`;
    for (let end = 1; end <= spaced.length; end++) pieces.add(spaced.slice(0, end));
    for (let end = 1; end <= word.length; end++) pieces.add(word.slice(0, end));
  }
  for (const piece of pieces) add(piece, TOKEN_TYPE.normal, [...piece].length);
  return vocab;
}

/** mulberry32: a tiny seeded generator, so the weights are reproducible. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildTensors(shape: ModelShape, vocabSize: number, random: () => number): GgufTensor[] {
  const { embedding, feedForward } = shape;
  const kvWidth = (embedding / shape.heads) * shape.kvHeads;
  const matrix = (name: string, inputs: number, outputs: number, spread = 0.08): GgufTensor => {
    const data = new Float32Array(inputs * outputs);
    for (let i = 0; i < data.length; i++) data[i] = (random() * 2 - 1) * spread;
    return { name, dims: [inputs, outputs], type: 'f16', data };
  };
  const norm = (name: string): GgufTensor => ({
    name,
    dims: [embedding],
    type: 'f32',
    data: new Float32Array(embedding).fill(1),
  });

  const tensors = [matrix('token_embd.weight', embedding, vocabSize, 1)];
  for (let i = 0; i < shape.blocks; i++) {
    const blk = `blk.${i}`;
    tensors.push(
      norm(`${blk}.attn_norm.weight`),
      matrix(`${blk}.attn_q.weight`, embedding, embedding),
      matrix(`${blk}.attn_k.weight`, embedding, kvWidth),
      matrix(`${blk}.attn_v.weight`, embedding, kvWidth),
      matrix(`${blk}.attn_output.weight`, embedding, embedding),
      norm(`${blk}.ffn_norm.weight`),
      matrix(`${blk}.ffn_gate.weight`, embedding, feedForward),
      matrix(`${blk}.ffn_up.weight`, embedding, feedForward),
      matrix(`${blk}.ffn_down.weight`, feedForward, embedding),
    );
  }
  tensors.push(norm('output_norm.weight'), matrix('output.weight', embedding, vocabSize, 0.5));
  return tensors;
}

function buildMetadata(
  shape: ModelShape,
  vocab: Vocab,
  contextLength: number,
): Array<[string, GgufValue]> {
  const id = (token: string): GgufValue => ({ type: 'u32', value: vocab.tokens.indexOf(token) });
  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  return [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'atelier-tiny' }],
    ['general.alignment', u32(32)],
    ['llama.context_length', u32(contextLength)],
    ['llama.embedding_length', u32(shape.embedding)],
    ['llama.block_count', u32(shape.blocks)],
    ['llama.feed_forward_length', u32(shape.feedForward)],
    ['llama.attention.head_count', u32(shape.heads)],
    ['llama.attention.head_count_kv', u32(shape.kvHeads)],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', u32(shape.embedding / shape.heads)],
    ['llama.vocab_size', u32(vocab.tokens.length)],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'string[]', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'f32[]', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { type: 'i32[]', value: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', id('<unk>')],
    ['tokenizer.ggml.bos_token_id', id('<s>')],
    ['tokenizer.ggml.eos_token_id', id('</s>')],
    ['tokenizer.ggml.eot_token_id', id('<|im_end|>')],
    ['tokenizer.ggml.fim_pre_token_id', id('<|fim_prefix|>')],
    ['tokenizer.ggml.fim_suf_token_id', id('<|fim_suffix|>')],
    ['tokenizer.ggml.fim_mid_token_id', id('<|fim_middle|>')],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', { type: 'string', value: CHATML_TEMPLATE }],
  ];
}

/** Builds the model's GGUF image in memory (about 1 MB in the default shape). */
export function buildTinyModel(options: TinyModelOptions = {}): Buffer {
  const shape = { ...TINY_SHAPE, ...options.shape };
  if (shape.embedding % shape.heads !== 0 || shape.heads % shape.kvHeads !== 0) {
    throw new Error('heads must divide the embedding width, and kvHeads the heads');
  }
  const vocab = buildVocab();
  const random = createRandom(options.seed ?? 42);
  const metadata = buildMetadata(shape, vocab, options.contextLength ?? 8192);
  return encodeGguf(metadata, buildTensors(shape, vocab.tokens.length, random));
}

/** Writes the tiny model to `file`, creating its directory. */
export async function writeTinyModel(file: string, options: TinyModelOptions = {}): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, buildTinyModel(options));
}
