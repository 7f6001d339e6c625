#!/usr/bin/env bash
# Rebuild the shipped default model and every number reported about it (README, model_card.md).
# About an hour on 2 CPU cores; the encoder itself is rebuilt by scripts/build_encoder.py.
set -euo pipefail
cd "$(dirname "$0")/.."
warta train --out model/default
warta evaluate --model model/default --split dev --out reports/dev
warta evaluate --model model/default --split test --out reports/test
python scripts/pretraining_ablation.py --pretrained-model model/default --out reports/ablation.json
python scripts/bench_predict.py | tee reports/bench.json
python -m warta_training.model_card --out model_card.md
