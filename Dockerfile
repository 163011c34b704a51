# Builds and runs Steward from the repository (used by docker-compose.yml).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY email-templates email-templates
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/steward-*.jar /app/steward.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/steward.jar"]
