import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeGguf, type GgufTensor, type GgufValue } from './gguf-writer.js';

/**
 * A tiny llama-architecture model with random weights. It produces noise,
 * but it loads in milliseconds and exercises the whole engine: tokenizer,
 * ChatML chat template, FIM infill and grammars. Tests and first-time users
 * (`npm run tiny-model`) use it instead of downloading a real model.
 */

export interface TinyModelOptions {
  /** Seed of the weights; the same seed always writes the same bytes. */
  seed?: number;
  contextLength?: number;
}

const EMBEDDING = 128;
const BLOCKS = 2;
const HEADS = 4;
const KV_HEADS = 2;
const FEED_FORWARD = 256;
const KV_WIDTH = (EMBEDDING / HEADS) * KV_HEADS;

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

function buildTensors(vocabSize: number, random: () => number): GgufTensor[] {
  const matrix = (name: string, inputs: number, outputs: number, spread = 0.08): GgufTensor => {
    const data = new Float32Array(inputs * outputs);
    for (let i = 0; i < data.length; i++) data[i] = (random() * 2 - 1) * spread;
    return { name, dims: [inputs, outputs], type: 'f16', data };
  };
  const norm = (name: string): GgufTensor => ({
    name,
    dims: [EMBEDDING],
    type: 'f32',
    data: new Float32Array(EMBEDDING).fill(1),
  });

  const tensors = [matrix('token_embd.weight', EMBEDDING, vocabSize, 1)];
  for (let i = 0; i < BLOCKS; i++) {
    const blk = `blk.${i}`;
    tensors.push(
      norm(`${blk}.attn_norm.weight`),
      matrix(`${blk}.attn_q.weight`, EMBEDDING, EMBEDDING),
      matrix(`${blk}.attn_k.weight`, EMBEDDING, KV_WIDTH),
      matrix(`${blk}.attn_v.weight`, EMBEDDING, KV_WIDTH),
      matrix(`${blk}.attn_output.weight`, EMBEDDING, EMBEDDING),
      norm(`${blk}.ffn_norm.weight`),
      matrix(`${blk}.ffn_gate.weight`, EMBEDDING, FEED_FORWARD),
      matrix(`${blk}.ffn_up.weight`, EMBEDDING, FEED_FORWARD),
      matrix(`${blk}.ffn_down.weight`, FEED_FORWARD, EMBEDDING),
    );
  }
  tensors.push(norm('output_norm.weight'), matrix('output.weight', EMBEDDING, vocabSize, 0.5));
  return tensors;
}

function buildMetadata(vocab: Vocab, contextLength: number): Array<[string, GgufValue]> {
  const id = (token: string): GgufValue => ({ type: 'u32', value: vocab.tokens.indexOf(token) });
  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  return [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'atelier-tiny' }],
    ['general.alignment', u32(32)],
    ['llama.context_length', u32(contextLength)],
    ['llama.embedding_length', u32(EMBEDDING)],
    ['llama.block_count', u32(BLOCKS)],
    ['llama.feed_forward_length', u32(FEED_FORWARD)],
    ['llama.attention.head_count', u32(HEADS)],
    ['llama.attention.head_count_kv', u32(KV_HEADS)],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', u32(EMBEDDING / HEADS)],
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

/** Builds the tiny model's GGUF image in memory (about 1 MB). */
export function buildTinyModel(options: TinyModelOptions = {}): Buffer {
  const vocab = buildVocab();
  const random = createRandom(options.seed ?? 42);
  const metadata = buildMetadata(vocab, options.contextLength ?? 8192);
  return encodeGguf(metadata, buildTensors(vocab.tokens.length, random));
}

/** Writes the tiny model to `file`, creating its directory. */
export async function writeTinyModel(file: string, options: TinyModelOptions = {}): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, buildTinyModel(options));
}
