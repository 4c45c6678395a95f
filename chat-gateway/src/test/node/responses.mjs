// Three turns of one conversation through the gateway's Responses API with the official openai client: a whole
// response, a streamed continuation (previous_response_id, raw events) and one through the client's stream helper,
// which checks the event sequence as it assembles the response. Prints what it received as one JSON line.
import OpenAI from 'openai';

const client = new OpenAI({
  baseURL: process.env.GATEWAY_BASE_URL,
  apiKey: process.env.GATEWAY_TOKEN,
  maxRetries: 0,
  timeout: 30_000,
});
const model = process.env.GATEWAY_MODEL;

const first = await client.responses.create({ model, instructions: 'You are terse.', input: process.env.FIRST_MESSAGE });

const stream = await client.responses.create({
  model, previous_response_id: first.id, input: process.env.SECOND_MESSAGE, stream: true,
});
let text = '';
const types = [];
let completed;
for await (const event of stream) {
  types.push(event.type);
  if (event.type === 'response.output_text.delta') text += event.delta;
  if (event.type === 'response.completed') completed = event.response;
}

const helper = client.responses.stream({
  model, previous_response_id: completed.id, input: [{ role: 'user', content: process.env.THIRD_MESSAGE }],
});
const third = await helper.finalResponse();
const retrieved = await client.models.retrieve(model);

console.log(JSON.stringify({
  first: first.output_text,
  second: { text, types: [...new Set(types)] },
  // the helper's final response has no output_text convenience unless it parsed a text format
  third: third.output.filter((item) => item.type === 'message').flatMap((item) => item.content)
    .map((part) => part.text).join(''),
  model: retrieved.id,
}));
