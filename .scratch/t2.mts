import { hostileCorpus } from '../tests/build/hostile-corpus';
