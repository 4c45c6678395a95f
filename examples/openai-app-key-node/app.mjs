// One app key for all of an app's users: the official openai client pointed at AI Persona's gateway, naming the end
// user per request. The first user is named by OpenAI's own `user` field, the others by the X-User-Id header; either
// works. Each user's chat gets its own id (X-Session-Id), so the gateway keeps it as one session of that user.
//
//   PERSONA_APP_KEY=$(deploy/local/token my-app --app) node app.mjs alice bob
//
// Prints one line per user, then everything as one JSON line.
import OpenAI from 'openai';

const client = new OpenAI({
  baseURL: process.env.GATEWAY_BASE_URL ?? 'http://localhost:8080/v1',
  apiKey: process.env.PERSONA_APP_KEY,
  maxRetries: 0,
  timeout: 60_000,
});
const model = process.env.GATEWAY_MODEL ?? (await client.models.list()).data[0].id;
const users = process.argv.length > 2 ? process.argv.slice(2) : ['alice', 'bob'];

const results = {};
for (const [i, user] of users.entries()) {
  const byField = i === 0;
  const { data, response } = await client.chat.completions
    .create(
      {
        model,
        messages: [{ role: 'user', content: `Hello from ${user}: which tea suits a cold evening?` }],
        ...(byField ? { user } : {}),
      },
      { headers: { 'X-Session-Id': `${user}-chat-1`, ...(byField ? {} : { 'X-User-Id': user }) } },
    )
    .withResponse();
  const reply = data.choices[0].message.content;
  const session = response.headers.get('x-session-id');
  console.log(`${user} (named by ${byField ? 'the user field' : 'X-User-Id'}): session ${session}: ${reply}`);
  results[user] = { reply, session };
}
console.log(JSON.stringify(results));
