#!/usr/bin/env bash
# Create a starting local folder (LOCAL_DIR) from tools/local-template/.
# Usage: tools/local-new.sh DIR   (make local-new DIR=...). Never touches an existing path.
set -euo pipefail
template="$(cd "$(dirname "$0")" && pwd)/local-template"
dir="${1:-}"
if [ -z "$dir" ]; then
  echo "make local-new: name the folder to create, for example: make local-new DIR=../var-kurs" >&2
  exit 2
fi
if [ -e "$dir" ] || [ -L "$dir" ]; then
  echo "make local-new: $dir already exists; nothing was changed. Name a folder that does not exist yet." >&2
  exit 1
fi
mkdir -p "$(dirname "$dir")"
cp -R "$template" "$dir"
echo "Created the local folder $dir. Build the course with it:"
echo "  LOCAL_DIR=$dir make serve"
echo "The page \"Anpassa kursen\" (docs/anpassa.md) explains each file."
