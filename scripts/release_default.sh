#!/usr/bin/env bash
# Rebuild the shipped default model and every number reported about it (README, model_card.md).
# About two and a half hours on 2 CPU cores. Needs the real page pool and IndoSum (../shared/real or
# $WARTA_REAL_DIR): every choice is made on real dev (real pages, IndoSum dev part).
set -euo pipefail
cd "$(dirname "$0")/.."
warta real build > /dev/null
warta validate data
# the encoder: continued masked-LM pretraining on real news (IndoSum train part + real train pages), ~25 min
cp -r model/encoder runs/encoder-before
python scripts/adapt_encoder.py --init runs/encoder-before --out model/encoder --epochs 1.25
python scripts/encoder_probe.py runs/encoder-before model/encoder --out reports/encoder_probe.json
# the default: authored + real train, IndoSum train for the sentence head (~30 min), then the sentence
# head refit on frozen states with all of IndoSum train (~10 min) and the summary length on real dev
warta train --out runs/v2 --no-augment --epochs 4 --patience 2 --indosum-per-epoch 500
python -m warta_training.refit_sentences --model runs/v2 --out model/default --epochs 12 --lr 1e-3 --cache runs/sent_cache.pt
python -m warta_training.tuning --model model/default
# speakers: rules propose, the linker decides (rule features only, about 10 s; its choices are made on real train folds)
python -m warta_training.speaker_linker --model model/default
# the two arms of the training-data ablation (events), one thread each
warta train --out runs/real_only --corpus real --epochs 6 --patience 6 --threads 1 & real=$!
warta train --out runs/authored_only --corpus authored --epochs 6 --patience 6 --threads 1 & authored=$!
wait "$real"; wait "$authored"  # each wait returns that run's status, so set -e stops on a failed run
warta evaluate --model model/default --split dev --out reports/dev
warta evaluate --model model/default --split test --out reports/test
# the authored articles written in real web-page voice (ids w*)
warta evaluate --model model/default --split dev --corpus authored --id-prefix w --no-plots --out reports/dev_web
warta evaluate --model model/default --split test --corpus authored --id-prefix w --no-plots --out reports/test_web
python scripts/corpus_ablation.py --model authored=runs/authored_only --model real=runs/real_only --model both=model/default \
    --out reports/corpus_ablation.json
python scripts/event_views_cv.py --out reports/event_views_cv.json  # what the n-gram half reads, five grouped folds of real train+dev (~1 min)
python scripts/check_stream.py --out reports/stream.json
python scripts/bench_predict.py | tee reports/bench.json
if [ -d ../shared/seeds ]; then python scripts/check_seeds.py --out reports/seeds.json; fi
python -m warta_training.model_card --out model_card.md
