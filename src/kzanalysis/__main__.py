"""``python -m kzanalysis`` runs the command line."""
import sys

from kzanalysis.cli import main

sys.exit(main())
