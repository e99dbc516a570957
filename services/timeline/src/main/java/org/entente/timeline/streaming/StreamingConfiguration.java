package org.entente.timeline.streaming;

import com.zaxxer.hikari.HikariDataSource;
import org.entente.timeline.config.TimelineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The bulkhead of streaming downloads: its threads, its connection pool, its time limit. */
@Configuration(proxyBeanMethods = false)
public class StreamingConfiguration {

  @Bean
  StreamingBulkhead streamingBulkhead(TimelineProperties properties) {
    return new StreamingBulkhead(properties.getStreaming());
  }

  /**
   * Wraps the application's (Hikari) DataSource so that streaming threads draw from their own pool;
   * every other thread sees the application's pool unchanged.
   */
  @Bean
  static BeanPostProcessor streamingConnections(ObjectProvider<StreamingBulkhead> bulkhead) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof HikariDataSource hikari && "dataSource".equals(name)
            ? StreamingBulkhead.routing(hikari, bulkhead::getObject)
            : bean;
      }
    };
  }

  /**
   * Asynchronous answers: guarded streams on the streaming threads, the rest (timeline pages) on
   * the application's task executor. Streams end after {@code streaming.timeout} (the servlet
   * container's 30 s default would cut long downloads off); {@code
   * spring.mvc.async.request-timeout}, if set, wins.
   */
  @Bean
  WebMvcConfigurer streamingAsyncSupport(
      StreamingBulkhead bulkhead,
      TimelineProperties properties,
      Environment environment,
      org.springframework.beans.factory.BeanFactory beans) {
    return new WebMvcConfigurer() {
      @Override
      public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        AsyncTaskExecutor general =
            beans.containsBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                    && beans.getBean(
                            TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                        instanceof AsyncTaskExecutor application
                ? application
                : new SimpleAsyncTaskExecutor("mvc-async-");
        configurer.setTaskExecutor(bulkhead.executor(general));
        if (!environment.containsProperty("spring.mvc.async.request-timeout")) {
          configurer.setDefaultTimeout(properties.getStreaming().getTimeout().toMillis());
        }
      }
    };
  }
}
