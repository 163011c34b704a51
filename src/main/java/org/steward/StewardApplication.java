package org.steward;

import javax.xml.datatype.DatatypeFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StewardApplication {
    public static void main(String[] args) {
        // The engine makes a DatatypeFactory for every timer it schedules (P3D, P7D ...); named here, the JDK's own is
        // found at once instead of by a service-loader scan of every jar on the class path each time (issue 14).
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
        SpringApplication.run(StewardApplication.class, args);
    }
}
