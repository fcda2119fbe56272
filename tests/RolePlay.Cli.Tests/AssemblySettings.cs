// Every test here starts real roleplay processes; on a 2-core CI machine running them one at a time keeps start-up
// times (and so the kill/resume timing) predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
