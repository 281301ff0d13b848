declare module '*/.svelte-kit/cloudflare/_worker.js' {
  const handler: { fetch(request: Request, env: unknown, ctx: ExecutionContext): Promise<Response> }
  export default handler
}
