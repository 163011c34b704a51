# Builds and runs Steward from the repository (used by docker-compose.yml).
# Runs the production profile (mysql) as an unprivileged user; base images pinned to a release.
FROM eclipse-temurin:17.0.16_8-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY email-templates email-templates
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17.0.16_8-jre
RUN groupadd --system steward && useradd --system --gid steward --no-create-home --shell /usr/sbin/nologin steward
WORKDIR /app
COPY --from=build /src/target/steward-*.jar /app/steward.jar
# The production profile: MySQL, a real SMTP server, no demo staff, no /dev/mail. Start-up stops
# unless STEWARD_ADMIN_PASSWORD (12 characters or more) is set.
ENV SPRING_PROFILES_ACTIVE=mysql
USER steward
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/steward.jar"]
