/*
 * corpus.h - the store behind the public handle, for the library modules
 * that implement public functions outside corpus.c (the workbench).
 */
#ifndef UE_CORPUS_H
#define UE_CORPUS_H

#include "store/store.h"

/* The handle's store; owned by it. */
struct ue_store *ue_corpus_store(ue_corpus *corpus);

#endif
