/**
 * What session-service, persona-updater and chat-gateway run with alike; one concern per sub-package.
 */
package ai.persona.runtime;
