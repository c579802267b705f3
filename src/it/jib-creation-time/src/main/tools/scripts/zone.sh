#!/bin/sh
echo "${TZ:-UTC}"
