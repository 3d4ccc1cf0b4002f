# syntax=docker/dockerfile:1
# Base images are pinned to full version tags, so a rebuild gets the same Maven, JRE and Ubuntu until someone bumps
# them here. Not digests: they were chosen on a machine with no registry access, where a digest cannot be checked;
# add @sha256:... from `docker buildx imagetools inspect <image>` where you can.
# Build stage: compile and package the runnable jar (the CJK font for result charts is inside it).
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY seeds seeds
COPY config config
RUN mvn -B -q -DskipTests package

# Runtime stage: a slim JRE, the jar, the seeds and the default config, as a non-root user. (17-jre, which this
# replaced, is the Ubuntu Noble JRE too.)
FROM eclipse-temurin:17.0.17_10-jre-noble
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
# The heap is capped at 256 MiB (the JVM's default is a quarter of the machine's memory, which G1 keeps once grown
# into: 520-590 MiB after a burst of 1,000 clicks) and given back when idle: a periodic collection every 5 s without
# one, and at most 30 % of the heap left free (10 % kept). Idle serve 240 MiB and 276 MiB after the burst, against
# 292 and 557 with the defaults (docs/performance.md, Memory). The live heap of an idle server is about 80 MiB.
ENTRYPOINT ["java", "-Xmx256m", "-XX:G1PeriodicGCInterval=5000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:SharedArchiveFile=/app/taolun.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/taolun.jar"]
