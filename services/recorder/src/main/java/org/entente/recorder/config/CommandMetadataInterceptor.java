package org.entente.recorder.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.entente.api.common.MetadataKeys;

/**
 * Gives every dispatched command the metadata its events will carry: the command id, record time,
 * and — when the caller set none — a correlation id and a "system" recorder. The web layer sets
 * recordedBy from the authenticated principal and correlationId from the request.
 */
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

  public static final String SYSTEM = "system";

  private final Clock clock;

  public CommandMetadataInterceptor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
      List<? extends CommandMessage<?>> messages) {
    return (index, command) -> {
      Map<String, Object> added = new HashMap<>();
      String commandId = command.getIdentifier();
      added.put(MetadataKeys.COMMAND_ID, commandId);
      added.put(MetadataKeys.CAUSATION_ID, commandId);
      added.put(MetadataKeys.RECORDED_AT, clock.instant().toString());
      if (!command.getMetaData().containsKey(MetadataKeys.CORRELATION_ID)) {
        added.put(MetadataKeys.CORRELATION_ID, commandId);
      }
      if (!command.getMetaData().containsKey(MetadataKeys.RECORDED_BY)) {
        added.put(MetadataKeys.RECORDED_BY, SYSTEM);
      }
      return command.andMetaData(added);
    };
  }
}
