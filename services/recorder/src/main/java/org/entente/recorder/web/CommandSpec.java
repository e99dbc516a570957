package org.entente.recorder.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * What the API needs to know of a command record: which aggregate it addresses, whether it creates
 * one, and which of its fields carry the aggregate id and the expected version (read from Axon's
 * {@code @TargetAggregateIdentifier} / {@code @TargetAggregateVersion}).
 */
public record CommandSpec(
    Class<? extends Record> type,
    AggregateKind aggregate,
    boolean creates,
    String idField,
    Optional<String> versionField) {

  static CommandSpec creating(Class<? extends Record> type, AggregateKind aggregate) {
    return of(type, aggregate, true);
  }

  static CommandSpec following(Class<? extends Record> type, AggregateKind aggregate) {
    return of(type, aggregate, false);
  }

  private static CommandSpec of(
      Class<? extends Record> type, AggregateKind aggregate, boolean creates) {
    String idField =
        annotated(type, TargetAggregateIdentifier.class)
            .orElseThrow(
                () -> new IllegalArgumentException(type + " has no @TargetAggregateIdentifier"));
    return new CommandSpec(
        type, aggregate, creates, idField, annotated(type, TargetAggregateVersion.class));
  }

  /** The simple class name, which is also the {@code command} of an import line. */
  public String name() {
    return type.getSimpleName();
  }

  public String idOf(Object command) {
    return (String) component(command, idField);
  }

  public Optional<Long> expectedVersionOf(Object command) {
    return versionField.map(field -> (Long) component(command, field));
  }

  private Object component(Object command, String name) {
    try {
      return type.getMethod(name).invoke(command);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name() + "." + name, e);
    }
  }

  private static Optional<String> annotated(
      Class<? extends Record> type, Class<? extends java.lang.annotation.Annotation> annotation) {
    return Arrays.stream(type.getRecordComponents())
        .filter(component -> component.getAccessor().isAnnotationPresent(annotation))
        .map(RecordComponent::getName)
        .findFirst();
  }
}
