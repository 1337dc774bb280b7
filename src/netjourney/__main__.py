from netjourney.cli import main

raise SystemExit(main())
