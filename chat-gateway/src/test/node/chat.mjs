// A streamed two-turn conversation through the gateway with the official openai client, as any OpenAI app would hold
// it: the gateway's /v1 as base URL, a user's token as API key. Prints what it received as one JSON line.
import OpenAI from 'openai';

const client = new OpenAI({
  baseURL: process.env.GATEWAY_BASE_URL,
  apiKey: process.env.GATEWAY_TOKEN,
  maxRetries: 0,
  timeout: 30_000,
});
const model = process.env.GATEWAY_MODEL;

async function turn(messages) {
  const stream = await client.chat.completions.create({ model, messages, stream: true });
  let text = '';
  let chunks = 0;
  for await (const chunk of stream) {
    chunks += 1;
    text += chunk.choices[0]?.delta?.content ?? '';
  }
  return { text, chunks };
}

const messages = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: process.env.FIRST_MESSAGE },
];
const first = await turn(messages);
messages.push({ role: 'assistant', content: first.text }, { role: 'user', content: process.env.SECOND_MESSAGE });
const second = await turn(messages);
const models = await client.models.list();
console.log(JSON.stringify({ first, second, models: models.data.map((m) => m.id) }));
