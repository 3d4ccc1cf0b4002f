# syntax=docker/dockerfile:1
# Build stage: compile and package the runnable jar (the CJK font for result charts is inside it).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY seeds seeds
COPY config config
RUN mvn -B -q -DskipTests package

# Runtime stage: a slim JRE, the jar, the seeds and the default config, as a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 taolun && useradd --system --uid 10001 --gid taolun --home-dir /app taolun
WORKDIR /app
COPY --from=build /src/target/taolun.jar /app/taolun.jar
COPY seeds /app/seeds
COPY config /app/config
# A class-data archive of what a start loads, made by a training run with this image's own JVM: a first console reply
# comes about 0.5 s sooner (docs/performance.md, Start-up). A JVM or jar that does not match it is used without it.
RUN ["java", "-XX:ArchiveClassesAtExit=/app/taolun.jsa", "-jar", "/app/taolun.jar", "console", "--data", "/tmp/cds-training", "-e", "/article about", "-e", "/article quote 1", "-e", "/article search 卡脖子"]
RUN mkdir -p /app/data && chown -R taolun:taolun /app/data
USER taolun
ENV TAOLUN_CONFIG=/app/config/taolun.yaml
ENV TAOLUN_PORT=3000
# /slack/events, /healthz, /readyz and /metrics, when SLACK_BOT_TOKEN or DISCORD_TOKEN is set
EXPOSE 3000
# the H2 database, console history, charts and exports (config dataDir: data, under WORKDIR)
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["java", "-cp", "/app/taolun.jar", "io.taolun.app.HealthProbe"]
# With tokens in the environment it serves the platforms; without, the console (docker run -it).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/taolun.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/taolun.jar"]
