/** A chat message as the instruction models take it. */
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string }

/** JSON mode: the model's answer is constrained to `json_schema` (a JSON Schema object). */
export type JsonModeRequest = {
  messages: ChatMessage[]
  response_format: { type: 'json_schema'; json_schema: unknown }
  max_tokens?: number
  temperature?: number
}

/**
 * The one method of the Workers AI binding the coder uses. `Ai` satisfies it (checked in the tests), and
 * so does the fake; the coder never needs the rest of the binding.
 */
export type AiRunner = {
  run(model: string & {}, inputs: JsonModeRequest): Promise<unknown>
}
