# syntax=docker/dockerfile:1
# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY seeds seeds
COPY config config
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, the jar, the seeds and the default config, as a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system taolun && useradd --system --gid taolun --home-dir /app taolun
WORKDIR /app
COPY --from=build /src/target/taolun.jar /app/taolun.jar
COPY seeds /app/seeds
COPY config /app/config
RUN mkdir -p /app/data && chown -R taolun:taolun /app/data
USER taolun
ENV TAOLUN_CONFIG=/app/config/taolun.yaml
# /slack/events and /healthz when SLACK_BOT_TOKEN or DISCORD_TOKEN is set
EXPOSE 3000
VOLUME ["/app/data"]
ENTRYPOINT ["java", "-jar", "/app/taolun.jar"]
