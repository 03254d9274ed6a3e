/** Repository context as a prompt carries it. */
export interface PromptContext {
  /** For chat prompts; starts with a `Context:` line saying what is included. */
  text: string;
  /** The same as line comments, for raw code continuations; absent without a comment syntax. */
  comment?: string;
  /** Tokens the larger of the two forms takes. */
  tokens: number;
}
