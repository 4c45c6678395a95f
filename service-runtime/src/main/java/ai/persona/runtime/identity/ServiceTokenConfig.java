package ai.persona.runtime.identity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service token this service calls the others with ({@link ServiceToken}). */
@ConfigMapping(prefix = "persona.service-token")
public interface ServiceTokenConfig {

    /** How long a minted token is valid; session-service refuses any that lives longer than an hour. */
    @WithDefault("PT5M")
    Duration lifetime();

    /**
     * Who this service is to the services it calls: the token's subject and its key's {@code kid}, one of
     * {@link ai.persona.identity.ServiceIdentity#CALLERS}. The application's name, which is the caller's name.
     */
    @WithDefault("${quarkus.application.name}")
    String caller();
}
