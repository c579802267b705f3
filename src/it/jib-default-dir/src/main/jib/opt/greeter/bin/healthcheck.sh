#!/bin/sh
# A container health check that only tests the JVM is there.
exec java -version
