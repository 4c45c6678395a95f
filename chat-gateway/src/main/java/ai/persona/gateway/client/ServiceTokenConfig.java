package ai.persona.gateway.client;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service token this service calls session-service with ({@link ServiceToken}). */
@ConfigMapping(prefix = "persona.service-token")
public interface ServiceTokenConfig {

    /** How long a minted token is valid; session-service refuses any that lives longer than an hour. */
    @WithDefault("PT5M")
    Duration lifetime();
}
