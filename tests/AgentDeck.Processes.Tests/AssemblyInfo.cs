// Real-process tests count the test host's zombie children and scan /proc: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
