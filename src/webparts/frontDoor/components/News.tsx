import * as React from 'react';
import { Image, ImageFit, Link, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import type { NewsPost } from '../../../model/frontDoor';
import type { INewsService } from '../../../services/NewsService';
import { useLoader } from '../../../components/useLoader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { format } from '../../../components/text';

export interface INewsProps {
  news: INewsService;
  strings: IFrontDoorWebPartStrings;
  common: IPmoHubCommonStrings;
  locale: string;
  count: number;
}

function useClasses(): Record<'list' | 'card' | 'meta' | 'text', string> {
  const theme = useTheme();
  return mergeStyleSets({
    list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' },
    card: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, color: theme.semanticColors.bodyText },
    meta: { color: theme.semanticColors.bodySubtext },
    text: { margin: 0 }
  });
}

/** The day a post was published on the site's calendar (its regional settings), not the browser's. */
function day(iso: string | undefined, locale: string, timeZone: string): string {
  const d = iso ? new Date(iso) : undefined;
  return d && !isNaN(d.getTime()) ? new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(d) : '';
}

/** The PMO's news: SharePoint news posts of the site, newest first; each opens its page. */
export default function News(props: INewsProps): JSX.Element {
  const { strings: s, common } = props;
  const classes = useClasses();
  const { state, reload } = useLoader<{ posts: NewsPost[]; zone?: string }>(async () => {
    const [posts, zone] = await Promise.all([
      props.news.latest(props.count, props.locale),
      // A zone the browser cannot place costs the dates, not the news.
      props.news.timeZone().then((z) => z.iana, () => undefined)
    ]);
    return { posts, zone };
  }, [props.news, props.count, props.locale]);
  return (
    <section aria-labelledby="pmo-news-heading">
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="xLarge" as="h2" id="pmo-news-heading">{s.NewsHeading}</Text>
        {state.status === 'loading' && <LoadingState label={common.Loading} />}
        {state.status === 'error' && <ErrorState title={s.NewsLoadError} error={state.error} common={common} retryLabel={common.Retry} onRetry={reload} />}
        {state.status === 'ready' && state.value.posts.length === 0 && <EmptyState icon="News" message={s.NoNews} />}
        {state.status === 'ready' && state.value.posts.length > 0 && (
          <ul className={classes.list}>
            {state.value.posts.map((n) => (
              <li key={n.id} className={classes.card}>
                <article>
                  {/* The banner is decoration: the title says what the post is. */}
                  {n.bannerImageUrl && <Image src={n.bannerImageUrl} alt="" height={120} imageFit={ImageFit.cover} />}
                  <Text variant="large" as="h3"><Link href={n.url}>{n.title}</Link></Text>
                  {n.firstPublished && state.value.zone && <Text className={classes.meta} block={true}>{format(s.PublishedOn, day(n.firstPublished, props.locale, state.value.zone))}</Text>}
                  {n.description && <p className={classes.text}>{n.description}</p>}
                </article>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}
