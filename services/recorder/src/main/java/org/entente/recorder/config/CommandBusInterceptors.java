package org.entente.recorder.config;

import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.stereotype.Component;

/**
 * Every command, from HTTP or an import, passes these before any handler runs: it gets its
 * metadata, then bean validation rejects a malformed one (JSR303ViolationException).
 */
@Component
class CommandBusInterceptors {

  CommandBusInterceptors(CommandBus commandBus, Clock clock) {
    commandBus.registerDispatchInterceptor(new CommandMetadataInterceptor(clock));
    commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>());
  }
}
