#!/usr/bin/env bash
# Rebuild the shipped default model and every number reported about it (README, model_card.md).
# About an hour on 2 CPU cores; the encoder itself is rebuilt by scripts/build_encoder.py.
set -euo pipefail
cd "$(dirname "$0")/.."
# the default model and the random-init arm of the pretraining ablation, side by side on one thread each
warta train --out model/default --epochs 6 --patience 6 --threads 1 & main=$!
warta train --out runs/random_init --random-init --epochs 6 --patience 6 --threads 1 & ablation=$!
wait "$main"; wait "$ablation"  # each wait returns that run's status, so set -e stops on a failed run
warta evaluate --model model/default --split dev --out reports/dev
warta evaluate --model model/default --split test --out reports/test
# the articles written in real web-page voice (ids w*), the closest slice to a real news stream
warta evaluate --model model/default --split dev --id-prefix w --no-plots --out reports/dev_web
warta evaluate --model model/default --split test --id-prefix w --no-plots --out reports/test_web
python scripts/pretraining_ablation.py --pretrained-model model/default --random-model runs/random_init --out reports/ablation.json
python scripts/bench_predict.py | tee reports/bench.json
if [ -d ../shared/seeds ]; then python scripts/check_seeds.py --out reports/seeds.json; fi
python -m warta_training.model_card --out model_card.md
