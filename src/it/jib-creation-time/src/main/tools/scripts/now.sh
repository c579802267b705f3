#!/bin/sh
exec java -cp @/app/jib-classpath-file org.example.clock.Clock
