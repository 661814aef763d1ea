import { Center, Loader } from '@mantine/core';

/** A page's code is on its way (lazily loaded routes). */
export function PageLoading() {
  return (
    <Center py="xl" data-testid="page-loading">
      <Loader />
    </Center>
  );
}
