"""Figure functions (analysis outputs in, a matplotlib Figure out), one module per notebook theme, and the house style."""
from kzanalysis.figures.balance import attention_heatmap_figure, co_mention_figure, events_timeline_figure, framing_figure, indices_figure, over_time_figure, ternary_figure
from kzanalysis.figures.consistency import VERDICT_COLOURS, agreement_matrix_figure, date_bounds_figure, reference_error_figure, source_profile_figure
from kzanalysis.figures.corpus import evidence_figure, timeline_figure
from kzanalysis.figures.style import ACCENT, HOUSE_STYLE, NEUTRAL, SavedFigure, VECTOR_COLOURS, add_source_note, figure_bytes, finish, save_figure, use_house_style
from kzanalysis.figures.trade import concentration_figure, differences_figure, discourse_vs_trade_figure, shares_figure, trends_figure

__all__ = ['ACCENT', 'HOUSE_STYLE', 'NEUTRAL', 'SavedFigure', 'VECTOR_COLOURS', 'VERDICT_COLOURS', 'add_source_note', 'agreement_matrix_figure', 'attention_heatmap_figure', 'co_mention_figure', 'concentration_figure', 'date_bounds_figure', 'differences_figure', 'discourse_vs_trade_figure', 'events_timeline_figure', 'evidence_figure', 'figure_bytes', 'finish', 'framing_figure', 'indices_figure', 'over_time_figure', 'reference_error_figure', 'save_figure', 'shares_figure', 'source_profile_figure', 'ternary_figure', 'timeline_figure', 'trends_figure', 'use_house_style']
