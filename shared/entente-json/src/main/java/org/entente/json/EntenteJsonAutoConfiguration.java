package org.entente.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Makes Spring's ObjectMapper and Axon's serializers use {@link EntenteJson}, so HTTP, the event
 * store, tokens and metadata all share one JSON form.
 */
@AutoConfiguration(before = {JacksonAutoConfiguration.class, AxonAutoConfiguration.class})
public class EntenteJsonAutoConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer ententeJsonCustomizer() {
    return builder -> builder.postConfigurer(EntenteJson::configure);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JacksonSerializer.class)
  static class AxonSerializers {

    @Bean
    @Primary
    Serializer serializer() {
      return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
      return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
      return jacksonSerializer();
    }

    /** Axon registers its own modules on the mapper, so each serializer gets its own copy. */
    private static Serializer jacksonSerializer() {
      ObjectMapper mapper = EntenteJson.newObjectMapper();
      return JacksonSerializer.builder().objectMapper(mapper).build();
    }
  }
}
