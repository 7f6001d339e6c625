#!/usr/bin/env bash
# Rebuild the shipped default model and every number reported about it (README, model_card.md).
# About two hours on 2 CPU cores; the encoder itself is rebuilt by scripts/build_encoder.py.
# Needs the real page pool (../shared/real or $WARTA_REAL_DIR): every event choice is made on real dev.
set -euo pipefail
cd "$(dirname "$0")/.."
warta real build > /dev/null
warta validate data
# the default (authored + real train) and the two arms of the training-data ablation, one thread each
warta train --out model/default --epochs 6 --patience 6 --threads 1 & main=$!
warta train --out runs/real_only --corpus real --epochs 6 --patience 6 --threads 1 & real=$!
wait "$main"; wait "$real"  # each wait returns that run's status, so set -e stops on a failed run
warta train --out runs/authored_only --corpus authored --epochs 6 --patience 6
# speakers: rules propose, the linker decides (rule features only, about 10 s; its choices are made on real train folds)
python -m warta_training.speaker_linker --model model/default
warta evaluate --model model/default --split dev --out reports/dev
warta evaluate --model model/default --split test --out reports/test
# the authored articles written in real web-page voice (ids w*)
warta evaluate --model model/default --split dev --corpus authored --id-prefix w --no-plots --out reports/dev_web
warta evaluate --model model/default --split test --corpus authored --id-prefix w --no-plots --out reports/test_web
python scripts/corpus_ablation.py --model authored=runs/authored_only --model real=runs/real_only --model both=model/default \
    --out reports/corpus_ablation.json
python scripts/check_stream.py --out reports/stream.json
python scripts/bench_predict.py | tee reports/bench.json
if [ -d ../shared/seeds ]; then python scripts/check_seeds.py --out reports/seeds.json; fi
python -m warta_training.model_card --out model_card.md
